import{O as e,Ot as t,S as n,Sr as r,a as i,b as a,c as o,g as s,i as c,n as l,o as u,s as d,t as f,xt as p}from"./index-cEoC-Tfp.js";import{t as m}from"./radio-CfaAarvm.js";import{t as h}from"./space-DX9WyGy2.js";var g=l(),_=d(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),v=d(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function y(){let{t:l,language:d,setLanguage:y}=o(),{message:b}=p.useApp(),{viewer:x,replaceToken:S}=f(),[C]=r(_),[w,{loading:T}]=r(v),[E]=n.useForm(),D=async e=>{y(e),await C({variables:{language:e}}).catch(t=>b.error(i(t,l,e)))},O=async e=>{try{let t=await w({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&S(t.data.changePassword.token),E.resetFields(),b.success(l(`account.changed`))}catch(e){let t=c(e),n=i(e,l,d);t?E.setFields([{name:t[0],errors:[u(e,l,d)]}]):b.error(n)}};return(0,g.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,g.jsxs)(s.Title,{level:1,style:{fontSize:22,margin:0},children:[l(`nav.account`),` · `,x.displayName]}),(0,g.jsx)(e,{size:`small`,title:l(`account.language`),children:(0,g.jsxs)(m.Group,{value:d,onChange:e=>void D(e.target.value),children:[(0,g.jsx)(m.Button,{value:`zh`,children:`简体中文`}),(0,g.jsx)(m.Button,{value:`en`,children:`English`})]})}),(0,g.jsx)(e,{size:`small`,title:l(`account.password`),children:(0,g.jsxs)(n,{form:E,layout:`vertical`,onFinish:e=>void O(e),children:[(0,g.jsx)(n.Item,{label:l(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,g.jsx)(a.Password,{autoComplete:`current-password`})}),(0,g.jsx)(n.Item,{label:l(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,g.jsx)(a.Password,{autoComplete:`new-password`})}),(0,g.jsx)(n.Item,{label:l(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(l(`account.mismatch`)))})],children:(0,g.jsx)(a.Password,{autoComplete:`new-password`})}),(0,g.jsx)(t,{type:`primary`,htmlType:`submit`,loading:T,children:l(`account.save`)})]})})]})}export{y as default};