import{_ as e,_t as t,a as n,i as r,m as i,n as a,o,pr as s,s as c,t as l,v as u,w as d,wt as f}from"./index-DdNAuqrr.js";import{t as p}from"./radio-Dq-kQrT2.js";import{t as m}from"./space-Dt6IuGd6.js";var h=a(),g=o(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),_=o(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function v(){let{t:a,language:o,setLanguage:v}=c(),{message:y}=t.useApp(),{viewer:b,replaceToken:x}=l(),[S]=s(g),[C,{loading:w}]=s(_),[T]=u.useForm(),E=async e=>{v(e),await S({variables:{language:e}}).catch(t=>y.error(n(t,a,e)))},D=async e=>{try{let t=await C({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&x(t.data.changePassword.token),T.resetFields(),y.success(a(`account.changed`))}catch(e){let t=r(e),i=n(e,a,o);t?T.setFields([{name:t[0],errors:[i]}]):y.error(i)}};return(0,h.jsxs)(m,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,h.jsxs)(i.Title,{level:1,style:{fontSize:22,margin:0},children:[a(`nav.account`),` · `,b.displayName]}),(0,h.jsx)(d,{size:`small`,title:a(`account.language`),children:(0,h.jsxs)(p.Group,{value:o,onChange:e=>void E(e.target.value),children:[(0,h.jsx)(p.Button,{value:`zh`,children:`简体中文`}),(0,h.jsx)(p.Button,{value:`en`,children:`English`})]})}),(0,h.jsx)(d,{size:`small`,title:a(`account.password`),children:(0,h.jsxs)(u,{form:T,layout:`vertical`,onFinish:e=>void D(e),children:[(0,h.jsx)(u.Item,{label:a(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,h.jsx)(e.Password,{autoComplete:`current-password`})}),(0,h.jsx)(u.Item,{label:a(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,h.jsx)(e.Password,{autoComplete:`new-password`})}),(0,h.jsx)(u.Item,{label:a(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(a(`account.mismatch`)))})],children:(0,h.jsx)(e.Password,{autoComplete:`new-password`})}),(0,h.jsx)(f,{type:`primary`,htmlType:`submit`,loading:w,children:a(`account.save`)})]})})]})}export{v as default};