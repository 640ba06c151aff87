import{T as e,Tt as t,a as n,i as r,m as i,mr as a,n as o,o as s,s as c,t as l,v as u,vt as d,y as f}from"./index-CuGs6OcC.js";import{t as p}from"./radio-CRKLYRkb.js";import{t as m}from"./space-CgE23yXn.js";var h=o(),g=s(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),_=s(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function v(){let{t:o,language:s,setLanguage:v}=c(),{message:y}=d.useApp(),{viewer:b,replaceToken:x}=l(),[S]=a(g),[C,{loading:w}]=a(_),[T]=f.useForm(),E=async e=>{v(e),await S({variables:{language:e}}).catch(t=>y.error(n(t,o,e)))},D=async e=>{try{let t=await C({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&x(t.data.changePassword.token),T.resetFields(),y.success(o(`account.changed`))}catch(e){let t=r(e),i=n(e,o,s);t?T.setFields([{name:t[0],errors:[i]}]):y.error(i)}};return(0,h.jsxs)(m,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,h.jsxs)(i.Title,{level:1,style:{fontSize:22,margin:0},children:[o(`nav.account`),` · `,b.displayName]}),(0,h.jsx)(e,{size:`small`,title:o(`account.language`),children:(0,h.jsxs)(p.Group,{value:s,onChange:e=>void E(e.target.value),children:[(0,h.jsx)(p.Button,{value:`zh`,children:`简体中文`}),(0,h.jsx)(p.Button,{value:`en`,children:`English`})]})}),(0,h.jsx)(e,{size:`small`,title:o(`account.password`),children:(0,h.jsxs)(f,{form:T,layout:`vertical`,onFinish:e=>void D(e),children:[(0,h.jsx)(f.Item,{label:o(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,h.jsx)(u.Password,{autoComplete:`current-password`})}),(0,h.jsx)(f.Item,{label:o(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,h.jsx)(u.Password,{autoComplete:`new-password`})}),(0,h.jsx)(f.Item,{label:o(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(o(`account.mismatch`)))})],children:(0,h.jsx)(u.Password,{autoComplete:`new-password`})}),(0,h.jsx)(t,{type:`primary`,htmlType:`submit`,loading:w,children:o(`account.save`)})]})})]})}export{v as default};