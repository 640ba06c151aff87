import{A as e,Ct as t,S as n,Tr as r,a as i,c as a,jt as o,l as s,n as c,o as l,r as u,s as d,v as f,w as p}from"./index-B-b5bgsy.js";import{t as m}from"./radio-CPdEGBvE.js";import{t as h}from"./space-EI0iCF72.js";var g=u(),_=a(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),v=a(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function y(){let{t:a,language:u,setLanguage:y}=s(),{message:b}=t.useApp(),{viewer:x,replaceToken:S}=c(),[C]=r(_),[w,{loading:T}]=r(v),[E]=p.useForm(),D=async e=>{y(e),await C({variables:{language:e}}).catch(t=>b.error(l(t,a,e)))},O=async e=>{try{let t=await w({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&S(t.data.changePassword.token),E.resetFields(),b.success(a(`account.changed`))}catch(e){let t=i(e),n=l(e,a,u);t?E.setFields([{name:t[0],errors:[d(e,a,u)]}]):b.error(n)}};return(0,g.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,g.jsxs)(f.Title,{level:1,style:{fontSize:22,margin:0},children:[a(`nav.account`),` · `,x.displayName]}),(0,g.jsx)(e,{size:`small`,title:a(`account.language`),children:(0,g.jsxs)(m.Group,{value:u,onChange:e=>void D(e.target.value),children:[(0,g.jsx)(m.Button,{value:`zh`,children:`简体中文`}),(0,g.jsx)(m.Button,{value:`en`,children:`English`})]})}),(0,g.jsx)(e,{size:`small`,title:a(`account.password`),children:(0,g.jsxs)(p,{form:E,layout:`vertical`,onFinish:e=>void O(e),children:[(0,g.jsx)(p.Item,{label:a(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,g.jsx)(n.Password,{autoComplete:`current-password`})}),(0,g.jsx)(p.Item,{label:a(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,g.jsx)(n.Password,{autoComplete:`new-password`})}),(0,g.jsx)(p.Item,{label:a(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(a(`account.mismatch`)))})],children:(0,g.jsx)(n.Password,{autoComplete:`new-password`})}),(0,g.jsx)(o,{type:`primary`,htmlType:`submit`,loading:T,children:a(`account.save`)})]})})]})}export{y as default};